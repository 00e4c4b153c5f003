using CsCheck;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>
/// Random and mutated device input for the parsers and frame readers: 100 000 cases each, run under a deadline so
/// a parser that loops forever fails the test instead of hanging the run.
/// </summary>
internal static class DeviceInputFuzz
{
    public const int Iterations = 100_000;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Random bytes of up to <paramref name="maxLength"/>.</summary>
    public static Task RandomAsync(int maxLength, Action<byte[]> check) =>
        Task.Run(() => Gen.Byte.Array[0, maxLength].Sample(check, iter: Iterations)).WaitAsync(Deadline);

    /// <summary>
    /// A valid seed with one to three mutations (replace, insert, delete, truncate): input that gets past the first
    /// checks and into the field parsers, where crashes hide.
    /// </summary>
    public static Task MutatedAsync(IReadOnlyList<byte[]> seeds, Action<byte[]> check) =>
        Task.Run(() => Mutated(seeds).Sample(check, iter: Iterations)).WaitAsync(Deadline);

    /// <summary>Random bytes with valid frames spliced in, fed in random chunks.</summary>
    public static Task StreamAsync(IReadOnlyList<byte[]> seeds, Action<byte[], int> check) =>
        Task.Run(() => Gen.Select(Gen.OneOf(Gen.Byte.Array[0, 40], Gen.Int[0, seeds.Count - 1].Select(i => seeds[i]), Mutated(seeds)).Array[1, 8], Gen.Int[1, 70])
            .Sample((parts, chunk) => check([.. parts.SelectMany(p => p)], chunk), iter: Iterations / 5)).WaitAsync(Deadline);

    private static Gen<byte[]> Mutated(IReadOnlyList<byte[]> seeds) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Byte).Array[1, 3])
            .Select((seed, edits) =>
            {
                var bytes = new List<byte>(seeds[seed]);
                foreach (var (kind, where, value) in edits)
                {
                    var at = bytes.Count == 0 ? 0 : where % bytes.Count;
                    switch (kind)
                    {
                        case 0 when bytes.Count > 0:
                            bytes[at] = value;
                            break;
                        case 1:
                            bytes.Insert(at, value);
                            break;
                        case 2 when bytes.Count > 0:
                            bytes.RemoveAt(at);
                            break;
                        default:
                            bytes.RemoveRange(at, bytes.Count - at);
                            break;
                    }
                }

                return bytes.ToArray();
            });

    /// <summary>The TryParse contract: success has a value and no error; failure has a reason and no value.</summary>
    public static void AssertContract(bool ok, object? value, string? error)
    {
        if (ok)
        {
            Assert.NotNull(value);
            Assert.Null(error);
        }
        else
        {
            Assert.Null(value);
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }
}
