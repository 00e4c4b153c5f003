using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Admin;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>POST /api/admin/patients/import on the real dashboard and registry (docs/roster-import.md).</summary>
public sealed class RosterImportTests(AdminDashboardFixture admin) : IClassFixture<AdminDashboardFixture>
{
    private const string Header = "姓名,身份证号,电话,出生日期,网格,病种,卡号";

    // One registry serves the county, so a national ID is one patient across clinics: each test uses its own numbers.
    private static string Row1(int test) => $"张三丰,{Nid("19491231", test)},13800138000,1949-12-31,一网格,高血压、糖尿病,CARD-001";

    private static string Row2(int test) => $"李华,{Nid("19580312", test)},,,,高血压,CARD-002";

    private static string BadCheckDigit(int test) => $"王五,{BadNid(test)},13900000000,,,高血压,";

    /// <summary>A valid GB 11643 number born on <paramref name="yyyyMMdd"/> with sequence 0{test}1.</summary>
    private static string Nid(string yyyyMMdd, int test)
    {
        var digits = $"110105{yyyyMMdd}{test:D2}1";
        return digits + NationalIdNumber.CheckCharacter(digits);
    }

    private static string BadNid(int test)
    {
        var valid = Nid("19620715", test);
        return valid[..^1] + (valid[^1] == '0' ? '1' : '0');
    }

    [Fact]
    public async Task Import_GoodFile_CreatesEncryptedPatientsWithCardHashesAndAudits()
    {
        using var http = await admin.NewClinicAsync("imp-good");

        var report = await ImportAsync(http, "imp-good", Csv(Header, Row1(1), Row2(1)));

        Assert.Equal((false, 2, 2, 0, 0), (report.DryRun, report.Rows, report.Created, report.Updated, report.Rejected));
        await using var db = Registry();
        var patients = await db.Patients.Where(p => p.ClinicId == "imp-good").OrderBy(p => p.MaskedName).ToListAsync();
        Assert.Equal(["张*丰", "李*"], patients.Select(p => p.MaskedName).Order());
        var zhang = patients.Single(p => p.MaskedName == "张*丰");
        Assert.Equal(("imp-good-g1", new DateOnly(1949, 12, 31), CardCodeHash.Compute("imp-good", "CARD-001")), (zhang.GridId, zhang.BirthDate, zhang.CardCodeHash));
        Assert.DoesNotContain("张三丰", zhang.NameProtected, StringComparison.Ordinal);
        Assert.NotNull(zhang.NationalIdProtected);
        Assert.NotNull(zhang.NationalIdLookup);
        Assert.Equal(["diabetes", "hypertension"], await db.PatientConditions.Where(c => c.PatientId == zhang.Id).Select(c => c.Condition).OrderBy(c => c).ToListAsync());
        Assert.Null(patients.Single(p => p.MaskedName == "李*").PhoneProtected);
        Assert.Equal(new DateOnly(1958, 3, 12), patients.Single(p => p.MaskedName == "李*").BirthDate); // from the ID number
        var audit = await db.Audit.Where(a => a.ClinicId == "imp-good" && a.Actor == "imp-good-admin").Select(a => a.Action).ToListAsync();
        Assert.Equal(2, audit.Count(a => a == "admin.patient.imported"));
        Assert.Contains("admin.roster.imported", audit);
    }

    [Fact]
    public async Task Import_BomAndEnglishHeaders_Imports()
    {
        using var http = await admin.NewClinicAsync("imp-bom");
        var csv = $"\uFEFFname,nationalId,phone,conditions\r\n张三丰,{Nid("19491231", 2)},138-0013-8000,hypertension\r\n";

        var report = await ImportAsync(http, "imp-bom", Encoding.UTF8.GetBytes(csv));

        Assert.Equal((1, 0), (report.Created, report.Rejected));
    }

    [Fact]
    public async Task Import_BadCheckDigit_ReportsRowAndColumnWithoutTheNumber_ImportsTheOtherRows()
    {
        using var http = await admin.NewClinicAsync("imp-check");

        using var response = await PostAsync(http, "imp-check", Csv(Header, Row1(3), BadCheckDigit(3), Row2(3)), dryRun: false);
        var text = await response.Content.ReadAsStringAsync();
        var report = JsonSerializer.Deserialize<ImportReportDto>(text, JsonSerializerOptions.Web)!;

        var problem = Assert.Single(report.Errors);
        Assert.Equal((3, "nationalId", "nationalIdCheckDigit"), (problem.Row, problem.Column, problem.Code));
        Assert.Equal((2, 1), (report.Created, report.Rejected));
        foreach (var personal in new[] { BadNid(3), Nid("19491231", 3), "王五", "13900000000" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, DecodedStrings(Encoding.UTF8.GetBytes(text)), StringComparison.Ordinal);
        }

        await using var db = Registry();
        Assert.Equal(2, await db.Patients.CountAsync(p => p.ClinicId == "imp-check"));
    }

    [Fact]
    public async Task Import_MissingNationalIdColumn_ImportsNothing()
    {
        using var http = await admin.NewClinicAsync("imp-missing");

        var report = await ImportAsync(http, "imp-missing", Csv("姓名,电话", "张三丰,13800138000"));

        var problem = Assert.Single(report.Errors);
        Assert.Equal((1, "nationalId", "missingColumn"), (problem.Row, problem.Column, problem.Code));
        await using var db = Registry();
        Assert.Equal(0, await db.Patients.CountAsync(p => p.ClinicId == "imp-missing"));
    }

    [Fact]
    public async Task Import_DuplicateIdOrCardInFile_ReportsTheLaterRow()
    {
        using var http = await admin.NewClinicAsync("imp-dup");
        var sameCard = $"李华,{Nid("19580312", 5)},,,,高血压,CARD-001";

        var report = await ImportAsync(http, "imp-dup", Csv(Header, Row1(5), Row1(5).Replace("张三丰", "张三", StringComparison.Ordinal), sameCard));

        Assert.Equal([(3, "nationalId", "duplicateInFile"), (4, "cardCode", "duplicateInFile")], report.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Equal((1, 2), (report.Created, report.Rejected));
    }

    [Fact]
    public async Task Import_SameNationalIdsAgain_UpdatesInsteadOfDuplicating()
    {
        using var http = await admin.NewClinicAsync("imp-again");
        await ImportAsync(http, "imp-again", Csv(Header, Row1(6), Row2(6)));
        await using var before = Registry();
        var ids = await before.Patients.Where(p => p.ClinicId == "imp-again").Select(p => p.Id).OrderBy(i => i).ToListAsync();

        var report = await ImportAsync(http, "imp-again", Csv(Header, Row1(6), Row2(6).Replace(",,,,", ",13700000000,,,", StringComparison.Ordinal)));

        Assert.Equal((0, 2, 0), (report.Created, report.Updated, report.Rejected));
        await using var after = Registry();
        Assert.Equal(ids, await after.Patients.Where(p => p.ClinicId == "imp-again").Select(p => p.Id).OrderBy(i => i).ToListAsync());
        Assert.NotNull((await after.Patients.SingleAsync(p => p.ClinicId == "imp-again" && p.MaskedName == "李*")).PhoneProtected);
    }

    [Fact]
    public async Task Import_DryRun_ReportsButWritesNothing()
    {
        using var http = await admin.NewClinicAsync("imp-dry");

        var report = await ImportAsync(http, "imp-dry", Csv(Header, Row1(7), BadCheckDigit(7)), dryRun: true);

        Assert.Equal((true, 1, 1), (report.DryRun, report.Created, report.Rejected));
        await using var db = Registry();
        Assert.Equal(0, await db.Patients.CountAsync(p => p.ClinicId == "imp-dry"));
    }

    [Fact]
    public async Task Import_NotUtf8_IsRefusedAsAWhole()
    {
        using var http = await admin.NewClinicAsync("imp-gbk");
        byte[] gbk = [0xD0, 0xD5, 0xC3, 0xFB, (byte)',', (byte)'x', (byte)'\n']; // "姓名,x" in GBK, as old Excel saves it

        var report = await ImportAsync(http, "imp-gbk", gbk);

        Assert.Equal("notUtf8", Assert.Single(report.Errors).Code);
    }

    [Fact]
    public async Task Import_Written_RetainedRosterHoldsThePatientsAndNoPersonalData()
    {
        using var http = await admin.NewClinicAsync("imp-roster");

        await ImportAsync(http, "imp-roster", Csv(Header, Row1(9), Row2(9)));

        var topic = Topics.Roster("imp-roster");
        await admin.Broker.Published.WaitForAsync(m => m.Any(x => x.Topic == topic && Roster(x.Payload).Patients.Count == 2), AdminDashboardFixture.Timeout);
        var retained = await admin.Broker.GetRetainedAsync(topic);
        var roster = Roster(retained!.Payload);
        Assert.Equal(["张*丰", "李*"], roster.Patients.Select(p => p.DisplayName).Order());
        Assert.Contains(roster.Patients, p => p.CardHashes.SequenceEqual([CardCodeHash.Compute("imp-roster", "CARD-001")]));
        foreach (var personal in new[] { "张三丰", "李华", Nid("19491231", 9), Nid("19580312", 9), "13800138000", "CARD-001", "CARD-002" })
        {
            Assert.DoesNotContain(personal, retained.PayloadText, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, DecodedStrings(retained.Payload), StringComparison.Ordinal); // \uXXXX-escaped Chinese too
        }
    }

    private static RosterMessage Roster(ReadOnlyMemory<byte> payload) => JsonSerializer.Deserialize(payload.Span, ContractJsonContext.Default.RosterMessage)!;

    /// <summary>Every property name and string value of a JSON document, unescaped (the wire JSON escapes non-ASCII).</summary>
    internal static string DecodedStrings(ReadOnlyMemory<byte> json)
    {
        var all = new StringBuilder();
        var reader = new Utf8JsonReader(json.Span);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                all.Append(reader.GetString()).Append('\n');
            }
        }

        return all.ToString();
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private RegistryDbContext Registry() => admin.Service<RegistryDatabase>().CreateContext();

    private static async Task<ImportReportDto> ImportAsync(HttpClient http, string clinic, byte[] csv, bool dryRun = false)
    {
        using var response = await PostAsync(http, clinic, csv, dryRun);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ImportReportDto>())!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string clinic, byte[] csv, bool dryRun)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new("text/csv");
        return AdminDashboardFixture.SendAsync(http, HttpMethod.Post, $"/api/admin/patients/import?clinic={clinic}&dryRun={(dryRun ? "true" : "false")}", content);
    }
}
