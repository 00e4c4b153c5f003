using System.Globalization;

namespace CloudClinic.Registry.Privacy;

/// <summary>
/// The display form of a name: first and last character kept, the middle starred (张小华 → 张*华, 李明 → 李*), as
/// Chinese health apps show names on shared screens. Works on text elements, so a surrogate pair stays whole.
/// </summary>
public static class NameMask
{
    public static string Mask(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(trimmed);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements.Count switch
        {
            0 => "",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + "*" + elements[^1],
        };
    }
}
