using CloudClinic.Contracts;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// A reading as found in InfluxDB with the point's own identity: measurement, time (epoch ms) and every tag of
/// <see cref="InfluxSchema.Tags"/> as stored (encoded; an absent tag is the empty string, which InfluxQL's
/// <c>tag = ''</c> matches).
/// </summary>
internal sealed record StoredPoint(string Measurement, long TimeMs, IReadOnlyDictionary<string, string> Tags, ReadingMessage Reading);
