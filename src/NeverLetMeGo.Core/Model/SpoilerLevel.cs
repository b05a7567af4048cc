namespace NeverLetMeGo.Core.Model;

/// <summary>How much of the story a piece of text gives away. Ordered: a reader's tolerance compares with &lt;=.</summary>
public enum SpoilerLevel
{
    None = 0,
    Premise = 1,
    Major = 2,
}
