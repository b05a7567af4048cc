using System.Runtime.InteropServices;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Per-page memo of <see cref="ClassHints.Classify"/>; not thread-safe, one per extraction.</summary>
internal sealed class ClassHintCache
{
    // Class attributes repeat on a page and are judged once each; ids are mostly unique per element, so they go straight
    // to the process-wide memo (digits folded) instead of making every (class, id) pair a new entry here.
    private readonly Dictionary<string, ClassVerdict> _classes;
    private readonly Dictionary<string, ClassVerdict>.AlternateLookup<ReadOnlySpan<char>> _classLookup;

    // Every pass (metadata, comments, scoring, emitting) asks about the same elements: remember the answer per element
    // rather than reading and hashing its attributes again.
    private readonly Dictionary<HtmlNode, ClassVerdict> _nodes;

    /// <param name="expectedElements">About how many elements will be asked about: sized once, the table is not grown and copied as the walk goes.</param>
    public ClassHintCache(int expectedElements = 0)
    {
        _nodes = new Dictionary<HtmlNode, ClassVerdict>(expectedElements, NodeIdentity.Instance);
        _classes = new Dictionary<string, ClassVerdict>(StringComparer.Ordinal);
        _classLookup = _classes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Elements judged so far.</summary>
    public int Count => _nodes.Count;

    /// <summary>
    /// Lets go of the page's elements once it is read. A large page's table lands on the large object heap, which only a
    /// full collection frees; until then its references kept the page's dead DOM alive through every young collection,
    /// which copied it each time (half of extraction's GC pause on the Dragnet pages, bench/README.md).
    /// </summary>
    public void Forget() => _nodes.Clear();

    public ClassVerdict Get(HtmlNode node)
    {
        // One hash lookup whether the element is new (the first walk asks about every element once) or known.
        ref var verdict = ref CollectionsMarshal.GetValueRefOrAddDefault(_nodes, node, out var known);
        if (!known)
        {
            // The attribute values are read in place from the page's text: a value read through HtmlAttribute.Value is
            // a new string per element, and the class attribute only needs one when this page has not seen it before.
            // Nothing below touches _nodes, so the reference into it stays valid.
            var attributes = ElementAttributes.Of(node.Attributes);
            var source = node.OwnerDocument.Text;
            var text = source.AsSpan();
            var judged = Get(ValueOf(attributes.Class, text), ValueOf(attributes.Id, text));
            if (attributes.HasOthers)
            {
                judged = judged with { Signals = judged.Signals | NodeTraits.AttributeSignals(attributes) };
            }

            if (SaysSpoil(source) && NodeTraits.IsRevealToggle(node))
            {
                judged = judged with { Signals = judged.Signals | ClassSignal.Spoiler | ClassSignal.SpoilerToggle };
            }

            verdict = judged;
        }

        return verdict;
    }

    // A reveal toggle's own text says "spoil" in the page's source, so on a page that never does (most pages) no element
    // is one: looked for once per page instead of in the children of every element.
    private string? _spoilChecked;
    private bool _saysSpoil;

    private bool SaysSpoil(string? source)
    {
        if (!ReferenceEquals(source, _spoilChecked))
        {
            _spoilChecked = source;
            _saysSpoil = source is null || source.AsSpan().ContainsAny(Spoilers.WarningPatterns.Spoil);
        }

        return _saysSpoil;
    }

    private static ReadOnlySpan<char> ValueOf(HtmlAttribute? attribute, ReadOnlySpan<char> text) =>
        attribute is null ? default
        : attribute.ValueLength > 0 && attribute.ValueStartIndex + attribute.ValueLength <= text.Length ? text.Slice(attribute.ValueStartIndex, attribute.ValueLength)
        : attribute.Value.AsSpan();

    public ClassVerdict Get(ReadOnlySpan<char> classes, ReadOnlySpan<char> id)
    {
        if (classes.IsEmpty && id.IsEmpty)
        {
            return default;
        }

        ClassVerdict byClass = default;
        if (!classes.IsEmpty && !_classLookup.TryGetValue(classes, out byClass))
        {
            byClass = ClassHints.OfClasses(classes);
            _classes[classes.ToString()] = byClass;
        }

        return id.IsEmpty ? ClassHints.Combine(byClass, default) : ClassHints.Combine(byClass, ClassHints.OfId(id));
    }
}
