using CloudClinic.Dashboard.Admin;

namespace CloudClinic.Dashboard.Tests.Admin;

public sealed class NationalIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("11010519491231002x", 1949, 12, 31)]
    [InlineData(" 440304195803120038 ", 1958, 3, 12)]
    public void Validate_ValidNumber_ReturnsNullAndTheEncodedBirthDate(string input, int year, int month, int day)
    {
        var error = NationalIdNumber.Validate(input, out var normalized, out var birthDate);

        Assert.Null(error);
        Assert.Equal(new DateOnly(year, month, day), birthDate);
        Assert.Equal(input.Trim().ToUpperInvariant(), normalized);
    }

    [Theory]
    [InlineData("110105194912310021", FieldErrors.NationalIdCheckDigit)]
    [InlineData("440304195803120039", FieldErrors.NationalIdCheckDigit)]
    [InlineData("11010519491331002X", FieldErrors.NationalIdDate)]
    [InlineData("1101051949123100", FieldErrors.NationalIdFormat)]
    [InlineData("11010519491231002Y", FieldErrors.NationalIdFormat)]
    [InlineData("1101051949123100X2", FieldErrors.NationalIdFormat)]
    public void Validate_BadNumber_ReturnsTheReason(string input, string expected)
    {
        Assert.Equal(expected, NationalIdNumber.Validate(input, out _, out _));
    }

    [Fact]
    public void CheckCharacter_GbExample_IsX()
    {
        // GB 11643-1999 Appendix A example 11010519491231002X: Σ aᵢWᵢ mod 11 = 2 → X.
        Assert.Equal('X', NationalIdNumber.CheckCharacter("11010519491231002"));
    }
}
