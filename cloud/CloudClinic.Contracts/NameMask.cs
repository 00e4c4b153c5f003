namespace CloudClinic.Contracts;

/// <summary>
/// The masked display name used outside the registry (kiosk, roster, phone lists): first and last character with
/// one <c>*</c> between — 张三丰 → 张*丰, 李华 → 李*, 欧阳娜娜 → 欧*娜; a one-character name is all star. Idempotent, so a gateway can re-mask what it
/// receives and never hold more of a name than this, whatever the sender did.
/// </summary>
public static class NameMask
{
    public static string Mask(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(name.Trim());
        var characters = new List<string>();
        while (elements.MoveNext())
        {
            characters.Add(elements.GetTextElement());
        }

        return characters.Count switch
        {
            0 or 1 => "*",
            2 => characters[0] + "*",
            _ => characters[0] + "*" + characters[^1],
        };
    }
}
