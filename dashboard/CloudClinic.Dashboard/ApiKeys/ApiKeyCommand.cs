using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// <c>add-api-key &lt;name&gt; &lt;clinic:ID|county&gt;</c> prints a new key once (only its hash is stored);
/// <c>revoke-api-key &lt;id&gt;</c> revokes one; <c>list-api-keys</c> lists them (never a key or hash). For the
/// clinic's IT person on the server, like <c>add-user</c>. A clinic not yet in the registry is created with its id as
/// its name. Exit 0 done, 1 no such key, 2 bad usage.
/// </summary>
internal static class ApiKeyCommand
{
    public const string AddName = "add-api-key";
    public const string RevokeName = "revoke-api-key";
    public const string ListName = "list-api-keys";

    public static bool Handles(string? command) => command is AddName or RevokeName or ListName;

    public static async Task<int> RunAsync(IServiceProvider services, string command, IReadOnlyList<string> args, TextWriter output)
    {
        var store = services.GetRequiredService<ApiKeyStore>();
        switch (command)
        {
            case AddName when args.Count == 2 && !string.IsNullOrWhiteSpace(args[0]) && args[0].Length <= ApiKeyStore.MaxNameLength
                && ApiKeyScope.TryParse(args[1], out var scope):
                await EnsureClinicAsync(services.GetRequiredService<RegistryDatabase>(), scope.ClinicId, output);
                var created = await store.CreateAsync(args[0].Trim(), scope, AddName, CancellationToken.None);
                await output.WriteLineAsync($"api key {created.Info.Id} ({created.Info.Name}, {created.Info.Scope}) saved. The key is shown this once:");
                await output.WriteLineAsync(created.Key);
                return 0;
            case RevokeName when args.Count == 1:
                var revoked = await store.RevokeAsync(args[0], RevokeName, CancellationToken.None);
                await output.WriteLineAsync(revoked is null ? $"no api key {args[0]}" : $"api key {revoked.Id} ({revoked.Name}) revoked at {revoked.RevokedAt:O}");
                return revoked is null ? 1 : 0;
            case ListName when args.Count == 0:
                foreach (var key in await store.ListAsync(null, CancellationToken.None))
                {
                    await output.WriteLineAsync(
                        $"{key.Id}\t{key.Name}\t{key.Scope}\tcreated {key.CreatedAt:O} by {key.CreatedBy}\tlast used {key.LastUsedAt?.ToString("O") ?? "never"}\t{(key.RevokedAt is { } at ? $"revoked {at:O}" : "active")}");
                }

                return 0;
            default:
                await output.WriteLineAsync($"usage: {AddName} <name> <clinic:ID|county>   (prints the key once)");
                await output.WriteLineAsync($"       {RevokeName} <key id>");
                await output.WriteLineAsync($"       {ListName}");
                return 2;
        }
    }

    private static async Task EnsureClinicAsync(RegistryDatabase database, string? clinicId, TextWriter output)
    {
        if (clinicId is null)
        {
            return;
        }

        await database.EnsureMigratedAsync(CancellationToken.None);
        await using var db = database.CreateContext();
        if (!await db.Clinics.AnyAsync(c => c.Id == clinicId))
        {
            db.Clinics.Add(new Clinic { Id = clinicId, Name = clinicId });
            await db.SaveChangesAsync();
            await output.WriteLineAsync($"created clinic {clinicId}");
        }
    }
}
