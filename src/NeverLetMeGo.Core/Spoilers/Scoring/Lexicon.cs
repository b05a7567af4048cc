namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>Which hand-picked lists a word belongs to (one lookup per word on the serving path).</summary>
[Flags]
internal enum WordClass : ushort
{
    None = 0,
    PlotVerb = 1,
    Ending = 2,
    Premise = 4,
    Opinion = 8,
    Narrator = 16,
    Stop = 32,
    FirstPerson = 64,
    Sequence = 128,
    Event = 256,
    Habit = 512,
    Production = 1024,
    Later = 2048,
    Part = 4096,
}

/// <summary>Hand-picked word lists behind the hand-made features, hashed once.</summary>
internal static class Lexicon
{
    /// <summary>Verbs that move a plot: deaths, discoveries, betrayals, turns.</summary>
    public static readonly HashSet<uint> PlotVerbs = Tokens.Set(
        "dies die died dying kills kill killed killing murders murdered reveals revealed reveal revealing turns turned " +
        "discovers discovered discover learns learned learnt realizes realises realized realised betrays betrayed " +
        "survives survived escapes escaped sacrifices sacrificed commits committed confesses confessed marries married " +
        "shoots shot stabs stabbed poisons poisoned drowns drowned crashes crashed disappears disappeared vanished " +
        "finds found becomes became returns returned leaves left dumps dumped rescues rescued saves saved wakes woke " +
        "transforms transformed loses lost wins won defeats defeated destroys destroyed arrested captured kidnapped");

    /// <summary>Words about endings, deaths and twists.</summary>
    public static readonly HashSet<uint> Ending = Tokens.Set(
        "end ending ends ended finale final finally climax last eventually twist twists twisted dead death deaths " +
        "killer murderer culprit identity secretly secret truth actually really all along afterwards epilogue " +
        "complete completes completed completion funeral grave suicide corpse body ghost dream imagined alive");

    /// <summary>Set-up words: the first act, what the story is about.</summary>
    public static readonly HashSet<uint> Premise = Tokens.Set(
        "premise setup set-up follows follow story about begins starts opens young girl boy woman man world society " +
        "future planet town village school family where who whose must discover discovers sent forced raised bred " +
        "clone clones cloned experiment program programme");

    /// <summary>Opinion and first-person words: the voice of judgement rather than of narration.</summary>
    public static readonly HashSet<uint> Opinion = Tokens.Set(
        "i i'm i've i'd my me we us our loved love liked like hated enjoyed enjoy recommend recommended boring brilliant " +
        "great good bad best worst favorite favourite beautiful beautifully stunning amazing awful wonderful fantastic " +
        "masterpiece performance performances acting cast director directed writing written prose pacing score " +
        "cinematography stars rating read reading watched watch book novel film movie review reviews author think " +
        "thought felt feel opinion honestly definitely highly overall worth disappointing disappointed wish");

    /// <summary>Third-person subjects that narrate: "she discovers", "they escape".</summary>
    public static readonly HashSet<uint> Narrators = Tokens.Set("he she they his her their him them it who");

    /// <summary>The reader's own voice: "I cried", "my favourite".</summary>
    public static readonly HashSet<uint> FirstPerson = Tokens.Set("i i'm i've i'd i'll my me myself mine");

    /// <summary>Words that order events in a story: narration rather than judgement.</summary>
    public static readonly HashSet<uint> Sequence = Tokens.Set(
        "later then after afterwards when until once eventually finally soon before meanwhile suddenly episode season " +
        "chapter scene episodes");

    /// <summary>What happens between characters: relationships, families, identities, lies, crimes.</summary>
    public static readonly HashSet<uint> Events = Tokens.Set(
        "kiss kisses kissed kissing date dates dating dated breaks broke breakup together relationship pregnant " +
        "pregnancy baby father mother son daughter brother sister siblings sibling twin twins husband wife boyfriend " +
        "girlfriend engaged engagement wedding divorce divorced affair cheats cheated cheating sleeps slept lover lovers " +
        "lies lied liar traitor mole spy undercover fake faked pretends pretended pretending disguised impostor imposter " +
        "possessed memory memories amnesia villain mastermind behind framed innocent guilty prison jail fired quits quit " +
        "joins joined reunite reunited reunites proposes proposed accepts refuses refused attack attacked fight fought " +
        "sacrifice bullet gun wounded injured sick cancer illness coma hospital");

    /// <summary>Habits and traits rather than events: "tends to", "often", "every time".</summary>
    public static readonly HashSet<uint> Habits = Tokens.Set(
        "tends tend often always usually constantly frequently sometimes occasionally regularly recurring running gag " +
        "habit whenever generally typically repeatedly many several lot lots any anyone everyone everything");

    /// <summary>The making and showing of a work, not its story.</summary>
    public static readonly HashSet<uint> Production = Tokens.Set(
        "actor actors actress played plays voiced voice portrayed portrays aired airs air network channel broadcast " +
        "cancelled canceled renewed ratings producers producer writers writer creator created adaptation adapted " +
        "spinoff pilot sequel prequel trilogy series show sitcom audience fans fandom viewers dvd bbc nbc " +
        "cbs abc fox hbo published publisher edition page pages");

    /// <summary>Ordinals and numbers past the first: "second season", "season 3", "the final book".</summary>
    public static readonly HashSet<uint> Later = Tokens.Set(
        "second third fourth fifth sixth seventh eighth ninth tenth final last next two three four five six seven eight " +
        "nine ten 2 3 4 5 6 7 8 9 10 2nd 3rd 4th 5th 6th 7th 8th 9th ii iii iv");

    /// <summary>The parts a long story comes in.</summary>
    public static readonly HashSet<uint> Parts = Tokens.Set(
        "season seasons series episode episodes book books volume part chapter chapters act installment instalment sequel");

    /// <summary>Function words: never work vocabulary, never a name.</summary>
    public static readonly HashSet<uint> Stop = Tokens.Set(
        "a an the and or but if of to in on at by for with from as is are was were be been being it its this that these " +
        "those there here he she they his her their him them we us our you your i me my not no so too very just than then " +
        "what which who whom when where why how all any some each every both few more most other such only own same can " +
        "will would should could may might must do does did done have has had having into over under again further once " +
        "also about after before while up down out off through during because until against between both s t don't " +
        "it's i'm that's isn't wasn't doesn't didn't can't won't");

    private static readonly HashMap<WordClass> Classes = Build();

    public static WordClass Of(uint hash) => Classes.TryGet(hash, out var c) ? c : WordClass.None;

    private static HashMap<WordClass> Build()
    {
        var classes = new Dictionary<uint, WordClass>();
        foreach (var (set, c) in new[] { (PlotVerbs, WordClass.PlotVerb), (Ending, WordClass.Ending), (Premise, WordClass.Premise), (Opinion, WordClass.Opinion), (Narrators, WordClass.Narrator), (Stop, WordClass.Stop), (FirstPerson, WordClass.FirstPerson), (Sequence, WordClass.Sequence), (Events, WordClass.Event), (Habits, WordClass.Habit), (Production, WordClass.Production), (Later, WordClass.Later), (Parts, WordClass.Part) })
        {
            foreach (var h in set)
                classes[h] = classes.GetValueOrDefault(h) | c;
        }

        return new HashMap<WordClass>(classes, classes.Count);
    }
}
