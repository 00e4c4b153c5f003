using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// A stored reading handed to the evaluation queue, with its JSON object exactly as received (empty when not known):
/// the queue row then copies those bytes instead of serializing the reading again. The bytes must read back to the
/// reading — the ingest takes them from the fast parser, which accepts only the contract's exact shape.
/// </summary>
public readonly record struct ReceivedReading(ReadingMessage Reading, ReadOnlyMemory<byte> Json);
