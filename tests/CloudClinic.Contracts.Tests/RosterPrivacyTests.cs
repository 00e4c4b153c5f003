namespace CloudClinic.Contracts.Tests;

public sealed class RosterPrivacyTests
{
    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("张*丰", "张*丰")]
    [InlineData("李华", "李*")]
    [InlineData("王", "*")]
    [InlineData("欧阳娜娜", "欧*娜")]
    [InlineData(" 赵敏 ", "赵*")]
    [InlineData("", "*")]
    [InlineData("Li Hua", "L*a")]
    public void Mask_Name_KeepsOnlyFirstAndLastCharacter(string name, string expected) =>
        Assert.Equal(expected, NameMask.Mask(name));

    [Fact]
    public void Mask_SurrogatePairCharacter_IsKeptWhole()
    {
        // 𠮷 (U+20BB7) is one character in two UTF-16 code units: masking must not split it.
        Assert.Equal("𠮷*明", NameMask.Mask("𠮷小明"));
    }

    [Fact]
    public void Compute_KnownCard_IsSaltedSha256Hex()
    {
        Assert.Equal("0151e2dd5144121bcd3038269fb94a858d2016d45cf8a951920bb3a15fbd1673", CardCodeHash.Compute("clinic-a", "6201020000001"));
        Assert.Equal(CardCodeHash.Compute("clinic-a", "6201020000001"), CardCodeHash.Compute("clinic-a", " 6201020000001\r"));
    }

    [Fact]
    public void Compute_SameCardOtherClinic_Differs() =>
        Assert.NotEqual(CardCodeHash.Compute("clinic-a", "6201020000001"), CardCodeHash.Compute("clinic-b", "6201020000001"));

    [Fact]
    public void Roster_Topic_IsPerClinic() =>
        Assert.Equal("cloudclinic/v1/clinic-a/roster", Topics.Roster("clinic-a"));
}
