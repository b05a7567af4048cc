using System.Globalization;
using System.Text;
using NeverLetMeGo.Api.Corrections;
using NeverLetMeGo.Api.Feeds;
using NeverLetMeGo.Api.Knowledge;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Api.Search;
using NeverLetMeGo.Api.Works;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Examples for the OpenAPI document, keyed by operation id. The review examples are produced by the real projection,
/// cursors and renderers from one made-up review of a made-up film, so they show exactly what the API sends and cannot
/// spoil a real work; the hidden paragraphs' text never reaches any example but the explicit reveal.
/// </summary>
internal static class ApiExamples
{
    public const string Site = "https://nlmg.example/";
    private const long WorkId = 42;
    private const long ReviewId = 1001;
    private static readonly DateTimeOffset Published = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Blocks 2 and 3 are the spoilers that every masked example hides.</summary>
    internal static readonly IReadOnlyList<BlockRow> Blocks =
    [
        new(0, "paragraph", "A lighthouse keeper and her daughter spend one long winter on an island cut off by storms. Mara Ellis is superb, and the pacing is patient without ever dragging.", 0, false, 0.02, []),
        new(1, "paragraph", "Spoiler warning: the rest of this review discusses the plot.", 0, true, 0, ["author spoiler warning"]),
        new(2, "paragraph", "The storms are no accident: the island itself keeps the two of them there.", 1, false, 0.81, ["after the author's spoiler warning"]),
        new(3, "paragraph", "The final act is the film's best. In the last scene the daughter rows away alone and the keeper chooses to stay.", 2, false, 0.97, ["reveals the ending"])
        {
            Sentences = [new(0, 33, SpoilerLevel.None), new(34, 112, SpoilerLevel.Major)],
        },
        new(4, "heading", "Verdict", 0, false, 0, []),
        new(5, "paragraph", "A patient, beautifully acted chamber piece. 3/4 stars.", 0, false, 0.01, []),
    ];

    // Decided by Core as the store decides every review it writes.
    private static readonly ReviewDecision Decision = ReviewDecider.Decide(new ReviewFacts
    {
        Title = "The Quiet Harbour: patient, wintry and beautifully acted",
        WorkTitle = "The Quiet Harbour",
        Blocks = ReviewMapping.ToBlocks(Blocks),
        RatingNormalized = 75,
    });

    private static readonly ReviewSummaryRow Row = new()
    {
        Id = ReviewId,
        WorkId = WorkId,
        WorkTitle = "The Quiet Harbour",
        Url = "https://reviews.example.com/films/the-quiet-harbour",
        Title = "The Quiet Harbour: patient, wintry and beautifully acted",
        SafeTitle = Decision.Title,
        TitleReplaced = Decision.TitleReplaced,
        Author = "Dana Reyes",
        PublishedAt = Published,
        SiteName = "Example Film Reviews",
        SiteHost = "reviews.example.com",
        RatingRaw = "3/4 stars",
        RatingValue = 3,
        RatingScale = 4,
        RatingNormalized = 75,
        ContainsSpoilers = Decision.Summary.ContainsSpoilers,
        MaxSpoilerLevel = (short)Decision.Summary.HighestLevel,
        PremiseBlocks = Decision.Summary.PremiseBlocks,
        MajorBlocks = Decision.Summary.MajorBlocks,
        Excerpt = Decision.Summary.Excerpt,
        ExcerptTruncated = Decision.Summary.ExcerptTruncated,
        CommentCount = 2,
        ContentHash = "",
        FetchedAt = Published,
        UpdatedAt = Published,
    };

    private static MaskedReview Masked(SpoilerTolerance tolerance = SpoilerTolerance.None, MaskMode mode = MaskMode.Placeholder)
        => ReviewMapping.Mask(Blocks, tolerance, mode);

    public static ReviewSummaryResponse Summary => ReviewMapping.ToSummary(Row);

    public static ReviewResponse Review(SpoilerTolerance tolerance, MaskMode mode)
    {
        var masked = Masked(tolerance, mode);
        return new(Summary, tolerance.ToWireName(), mode.ToWireName(), masked.HiddenBlocks, [.. masked.Blocks.Select(ReviewMapping.ToResponse)]);
    }

    public static string ReviewHtmlFragment => ReviewHtml.Render(Summary, Masked(), new ReadOptions(SpoilerTolerance.None, MaskMode.Placeholder));

    public static BlockResponse RevealedBlock => ReviewMapping.ToResponse(SpoilerMask.Apply(ReviewMapping.ToBlock(Blocks[2]), SpoilerTolerance.All));

    public static CardResponse Card => ReviewCards.Build(Summary, Site + "?review=" + ReviewId.ToString(CultureInfo.InvariantCulture));

    public static CommentThreadResponse Comments
    {
        get
        {
            IReadOnlyList<CommentRow> rows =
            [
                new(5001, null, "harbourwatcher", Published.AddHours(3), 0, [new(0, "paragraph", "Saw it last night on the strength of this review. That score is lovely.", 0, false, 0.01, [])]),
                new(5002, 5001, "kestrel", Published.AddHours(5), 1, [new(0, "paragraph", "Same! And the moment she finally opens the letter from the mainland changes everything.", 2, false, 0.92, ["marked as spoiler in the page"])]),
            ];
            return new(ReviewId, "none", rows.Count, CommentThreads.Build(rows, new ReadOptions(SpoilerTolerance.None, MaskMode.Placeholder)));
        }
    }

    public static WorkListResponse Works => new([new(WorkId, "The Quiet Harbour", 12), new(43, "The Salt Road", 3)], Paging.Encode("43"));

    public static WorkResponse Work => new(WorkId, "The Quiet Harbour", 12);

    public static ReviewListResponse WorkReviews => new([Summary], ReviewCursors.Encode(Row, ReviewSort.Newest));

    public static SearchResponse Search
    {
        get
        {
            const string marked = "A \u0001lighthouse\u0002 \u0001keeper\u0002 and her daughter spend one long winter on an island cut off by storms";
            return new("lighthouse keeper", "none", [new(Summary, 0, Snippets.Plain(marked), Snippets.Html(marked), 0.1216)], Paging.Encode("s:3f1c9a0b7d2e|0.1216|1001"));
        }
    }

    private static readonly RatingContributionRow[] Contributions =
    [
        new(1004, "B+", 85, 100, 85),
        new(ReviewId, "3/4 stars", 3, 4, 75),
        new(1007, "★★★½", 3.5, 5, 70),
        new(1002, "4/6", 4, 6, 66.7),
        new(1009, "2 out of 10", 2, 10, 20),
    ];

    public static WorkRatingResponse Rating
    {
        get
        {
            var tenths = new int[WorkRatingStatsRow.Buckets];
            foreach (var c in Contributions)
            {
                tenths[(int)Math.Round(c.RatingNormalized * 10)]++;
            }

            var stats = new WorkRatingStatsRow(WorkId, Contributions.Length, 1, Contributions.Count(c => RatingStatistics.IsPositive(c.RatingNormalized)), Contributions.Sum(c => c.RatingNormalized), tenths);
            return WorkRatings.ToResponse(stats, Contributions[..2], WorkRatings.EncodeCursor(Contributions[1]));
        }
    }

    public static RatingContributionListResponse RatingContributions
        => new(WorkId, WorkRatings.ToResponses(Contributions[2..4]), WorkRatings.EncodeCursor(Contributions[3]));

    private static FeedEntryRow FeedEntry => new(
        Row.Id, Row.SafeTitle, Row.Author, Row.SiteName, Row.SiteHost, Row.Url, Row.PublishedAt, Row.ContainsSpoilers, Row.PremiseBlocks, Row.MajorBlocks, Row.Excerpt);

    public static string WorkFeed => Encoding.UTF8.GetString(AtomFeed.Write(
        "urn:neverletmego:feed:work:42", "NeverLetMeGo: reviews of The Quiet Harbour", new Uri(Site + "works/42/feed.atom"), new Uri(Site), [FeedEntry], Published).Span);

    public static string SiteFeed => Encoding.UTF8.GetString(AtomFeed.Write(
        "urn:neverletmego:feed:recent", "NeverLetMeGo: recent reviews", new Uri(Site + "feed.atom"), new Uri(Site), [FeedEntry], DateTimeOffset.UnixEpoch).Span);

    public static LevelRequest ReportRequest => new("major");

    public static CorrectionResponse Reported => new(ReviewId, 2, "premise", "premise", false, new Dictionary<string, int> { ["major"] = 1 });

    public static CorrectionResponse Corrected => new(ReviewId, 2, "premise", "major", true, new Dictionary<string, int> { ["major"] = 2, ["premise"] = 1 });

    public static IReadOnlyList<AuditEntryResponse> Audit =>
    [
        new(2, "premise", "major", "readers (3 reports)", Published.AddDays(2)),
        new(3, "major", "premise", "operator 3f9a1c2e", Published.AddDays(3)),
    ];

    private static LevelRequestResponse Requested => new(88, ReviewId, 3, "major", "none", 3, "pending", Published.AddDays(2), null, null);

    public static LevelRequestListResponse Requests => new([Requested]);

    public static LevelRequestResponse AcceptedRequest => Requested with { State = "accepted", DecidedAt = Published.AddDays(3), DecidedBy = "operator 3f9a1c2e" };

    public static LevelRequestResponse RejectedRequest => AcceptedRequest with { State = "rejected" };

    public static SpoilerTermRequest TermRequest => new("the letter from the mainland", "major");

    public static SpoilerTermResponse Term => new("the letter from the mainland", "major", Published.AddDays(1));

    public static SpoilerTermListResponse Terms => new(WorkId, [new("the island", "premise", Published), Term]);

    /// <summary>The success example for an operation's response in one media type; a string for markup and feeds.</summary>
    public static object? Response(string operationId, string mediaType) => (operationId, mediaType) switch
    {
        ("GetReview" or "GetReviewHtml", "text/html") => ReviewHtmlFragment,
        ("GetReviewBlock", _) => RevealedBlock,
        ("GetReviewCard", _) => Card,
        ("GetReviewComments", _) => Comments,
        ("ListWorks", _) => Works,
        ("GetWork", _) => Work,
        ("ListWorkReviews", _) => WorkReviews,
        ("GetWorkRating", _) => Rating,
        ("GetWorkRatingContributions", _) => RatingContributions,
        ("SearchReviews", _) => Search,
        ("GetSiteFeed", _) => SiteFeed,
        ("GetWorkFeed", _) => WorkFeed,
        ("ReportBlockLevel", _) => Reported,
        ("SetBlockLevel", _) => Corrected,
        ("GetLevelAudit", _) => Audit,
        ("ListLevelRequests", _) => Requests,
        ("AcceptLevelRequest", _) => AcceptedRequest,
        ("RejectLevelRequest", _) => RejectedRequest,
        ("ListSpoilerTerms", _) => Terms,
        ("AddSpoilerTerm", _) => Term,
        _ => null,
    };

    public static object? Request(string operationId) => operationId switch
    {
        "ReportBlockLevel" or "SetBlockLevel" => ReportRequest,
        "AddSpoilerTerm" => TermRequest,
        _ => null,
    };

    /// <summary>The review in each mask mode and at a higher tolerance, so the document shows what each choice sends.</summary>
    public static IEnumerable<(string Name, string Summary, object Value)> ReviewVariants()
    {
        yield return ("placeholder", "Default: spoilers=none, mask=placeholder (hidden blocks keep their place with a null text)", Review(SpoilerTolerance.None, MaskMode.Placeholder));
        yield return ("redact", "mask=redact: hidden blocks carry one fixed placeholder text, whatever their length", Review(SpoilerTolerance.None, MaskMode.Redact));
        yield return ("omit", "mask=omit: hidden blocks are left out", Review(SpoilerTolerance.None, MaskMode.Omit));
        yield return ("sentences", "mask=sentences: a hidden block shows the sentences that reveal nothing; the rest is one hidden part", Review(SpoilerTolerance.None, MaskMode.Sentences));
        yield return ("premise", "spoilers=premise: premise blocks shown, the major spoiler still hidden", Review(SpoilerTolerance.Premise, MaskMode.Placeholder));
    }
}
