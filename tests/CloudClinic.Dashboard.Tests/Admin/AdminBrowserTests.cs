using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry.Privacy;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>The admin page in headless Chromium: a clinic admin imports a roster with one bad row.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Import_OneBadRow_RowErrorShownInChineseAndGoodRowsListed()
    {
        await browser.Dashboard.Factory.EnsureAccountsAsync();
        using var files = new TempDirectory();
        var csv = Path.Combine(files.Path, "花名册.csv");
        await File.WriteAllTextAsync(csv, string.Join("\r\n",
            "姓名,身份证号,电话,出生日期,网格,病种,卡号",
            "王小明,11010519491231002X,13800138000,1949-12-31,A1,高血压,CARD-B1",
            "钱多多,330102196207150042,,,,糖尿病,",
            "李华,440304195803120038,,,,高血压、糖尿病,CARD-B2") + "\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var page = await browser.OpenAsync("/admin.html", userId: TestAccounts.ClinicAdmin);
        await Expect(page.Locator("[data-testid=admin-clinic]")).ToHaveValueAsync(TestAccounts.ClinicA);
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(csv);
        await page.Locator("[data-testid=import-submit]").ClickAsync();

        var error = page.Locator("[data-testid=import-error]");
        await Expect(error).ToHaveCountAsync(1);
        await Expect(error).ToHaveTextAsync("第 3 行 · 身份证号：身份证号校验位错误");
        await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("新增 2");
        var names = page.Locator("[data-testid=patient-name]");
        await Expect(names).ToContainTextAsync(["王*明", "李*"]);
        await Expect(page.GetByText("330102196207150042")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-admin-zh.png");

        // Edit: the grid changes, the identity (left empty in the form) stays.
        var li = page.Locator("[data-testid=patient-row]", new() { HasText = "李*" });
        var id = await li.GetAttributeAsync("data-patient");
        await li.Locator("[data-testid=patient-edit]").ClickAsync();
        await page.Locator("#patient-form select[name=grid]").SelectOptionAsync(TestAccounts.GridA);
        await page.Locator("#patient-form button[type=submit]").ClickAsync();
        await Expect(li.Locator("td").Nth(2)).ToHaveTextAsync("A1");
        var identity = await browser.Dashboard.Factory.GetRequiredService<PatientDirectory>().GetIdentityAsync(id!, "test", default);
        Assert.Equal(("李华", "440304195803120038"), (identity!.Name, identity.NationalId));

        // The other pages link the admin page for an admin.
        await page.GotoAsync(browser.Dashboard.Url + "/gateways.html");
        await Expect(page.Locator("[data-testid=nav-admin]")).ToHaveTextAsync("管理");
        Assert.Empty(browser.PageErrors[page]);
    }
}
