using System.Security.Cryptography;
using CloudClinic.Registry.Privacy;

namespace CloudClinic.Registry.Tests;

public sealed class PersonalDataProtectorTests
{
    private const string NationalId = "11010519491231002X";

    [Fact]
    public void LookupHash_SameValueAndKey_IsEqual_AndNotTheValue()
    {
        var key = RandomNumberGenerator.GetBytes(PersonalDataProtector.KeyBytes);

        var first = new PersonalDataProtector(key).LookupHash(NationalId, "patient/national-id");
        var again = new PersonalDataProtector(key).LookupHash(NationalId, "patient/national-id");

        Assert.Equal(first, again);
        Assert.Equal(64, first.Length);
        Assert.DoesNotContain(NationalId, first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LookupHash_OtherKeyOrPurpose_Differs()
    {
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(PersonalDataProtector.KeyBytes));
        var other = new PersonalDataProtector(RandomNumberGenerator.GetBytes(PersonalDataProtector.KeyBytes));

        var hash = protector.LookupHash(NationalId, "patient/national-id");

        Assert.NotEqual(hash, other.LookupHash(NationalId, "patient/national-id"));
        Assert.NotEqual(hash, protector.LookupHash(NationalId, "patient/phone"));
    }

    [Fact]
    public void NationalIdLookup_LowerCaseCheckLetterAndSpaces_SameAsCanonical()
    {
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(PersonalDataProtector.KeyBytes));

        Assert.Equal(PatientDirectory.NationalIdLookup(protector, NationalId), PatientDirectory.NationalIdLookup(protector, " 11010519491231002x "));
    }
}
