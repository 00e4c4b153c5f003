using System.Text;
using CloudClinic.Storage.DeadLetters;

namespace CloudClinic.Ingestion.Admin;

/// <summary>
/// A dead letter as the admin API shows it: the reason, and the payload as received — as text when it is UTF-8,
/// always as base64 (byte-exact; a payload can be anything a gateway sent) — and how often those bytes arrived.
/// </summary>
public sealed record DeadLetterView(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string Topic,
    string Reason,
    string? ClientId,
    int PayloadLength,
    bool Truncated,
    string? PayloadText,
    string PayloadBase64,
    int TimesReceived,
    DateTimeOffset? LastReceivedAt)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DeadLetterView From(DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var payload = deadLetter.Payload.Span;
        string? text;
        try
        {
            text = StrictUtf8.GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new DeadLetterView(
            deadLetter.Id,
            deadLetter.ReceivedAt,
            deadLetter.Topic,
            deadLetter.Reason,
            deadLetter.ClientId,
            deadLetter.PayloadLength,
            deadLetter.IsTruncated,
            text,
            Convert.ToBase64String(payload),
            deadLetter.TimesReceived,
            deadLetter.LastReceivedAt);
    }
}
