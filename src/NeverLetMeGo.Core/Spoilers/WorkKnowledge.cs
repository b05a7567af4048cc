using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>An operator's known spoiler term for a work, e.g. "Rosebud" (major) for Citizen Kane.</summary>
public sealed record SpoilerTerm(string Term, SpoilerLevel Level);

/// <summary>What the tagger knows about the work a text is about: its own vocabulary and its operators' spoiler terms.</summary>
public sealed record WorkKnowledge(WorkVocabulary Vocabulary, IReadOnlyList<SpoilerTerm> Terms)
{
    public static WorkKnowledge None { get; } = new(WorkVocabulary.Empty, []);

    /// <summary>
    /// Names the code and shipped model that build vocabularies (this assembly's build): a vocabulary stored by another
    /// build may weigh words differently, so it is built again rather than reused.
    /// </summary>
    public static string VocabularyBuild { get; } = typeof(WorkKnowledge).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Knowledge from the stored texts of a work (any unit: reviews, blocks) and its terms, against the shipped model's background.</summary>
    public static WorkKnowledge From(IEnumerable<string> texts, IReadOnlyList<SpoilerTerm> terms)
    {
        var builder = new WorkVocabularyBuilder(SpoilerModel.Shipped?.Background);
        builder.AddWork("work", texts);
        return new WorkKnowledge(builder.Build("work"), terms);
    }
}
