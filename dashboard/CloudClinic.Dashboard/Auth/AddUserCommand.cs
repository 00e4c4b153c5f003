using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// <c>add-user &lt;user&gt; &lt;role&gt; [clinic] [grid]</c>: how a clinic's IT person creates the first accounts (and resets a
/// password) in the registry the dashboard is configured for. The password comes from the environment variable
/// <c>CLOUDCLINIC_PASSWORD</c>, never the command line (which other users see in <c>ps</c>). A clinic or grid not yet in
/// the registry is created with its id as its name. Exit 0 done, 2 bad usage.
/// </summary>
internal static class AddUserCommand
{
    public const string Name = "add-user";
    public const string PasswordVariable = "CLOUDCLINIC_PASSWORD";
    private const int MinPasswordLength = 8;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (Refusal(args) is { } usage)
        {
            await output.WriteLineAsync(usage);
            await output.WriteLineAsync($"usage: {Name} <user> <doctor|gridWorker|clinicAdmin|countyAdmin> [clinic] [grid]   (password in ${PasswordVariable}, at least {MinPasswordLength} characters)");
            return 2;
        }

        var (userId, role) = (args[0], args[1]);
        var clinicId = args.Count > 2 ? args[2] : null;
        var gridId = args.Count > 3 ? args[3] : null;
        var database = services.GetRequiredService<RegistryDatabase>();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            if (clinicId is not null && await db.Clinics.AnyAsync(c => c.Id == clinicId) is false)
            {
                db.Clinics.Add(new Clinic { Id = clinicId, Name = clinicId });
                await output.WriteLineAsync($"created clinic {clinicId}");
            }

            if (gridId is not null && await db.Grids.AnyAsync(g => g.Id == gridId) is false)
            {
                db.Grids.Add(new Grid { Id = gridId, ClinicId = clinicId!, Name = gridId });
                await output.WriteLineAsync($"created grid {gridId} in {clinicId}");
            }

            await db.SaveChangesAsync();
        }

        var user = new User { Id = userId, DisplayName = userId, Role = role, ClinicId = clinicId, GridId = gridId };
        await services.GetRequiredService<UserAccounts>().SetAsync(user, Environment.GetEnvironmentVariable(PasswordVariable)!, Name, CancellationToken.None);
        await output.WriteLineAsync($"user {userId} ({role}) saved");
        return 0;
    }

    private static string? Refusal(IReadOnlyList<string> args)
    {
        if (args.Count is < 2 or > 4)
        {
            return "expected a user, a role and, except for a county admin, a clinic (and a grid for a grid worker)";
        }

        if (!UserRoles.All.Contains(args[1]))
        {
            return $"unknown role '{args[1]}'";
        }

        if (args.Skip(2).FirstOrDefault(id => !Topics.IsValidId(id)) is { } badId)
        {
            return $"'{badId}' is not a clinic/grid id ([a-z0-9-]{{1,64}})";
        }

        var needs = args[1] switch
        {
            UserRoles.CountyAdmin => 2,
            UserRoles.GridWorker => 4,
            _ => 3,
        };
        if (args.Count != needs)
        {
            return $"role {args[1]} takes {needs - 2} place argument(s) (clinic{(needs == 4 ? " and grid" : string.Empty)})";
        }

        return (Environment.GetEnvironmentVariable(PasswordVariable)?.Length ?? 0) < MinPasswordLength
            ? $"set the password in ${PasswordVariable} (at least {MinPasswordLength} characters)"
            : null;
    }
}
