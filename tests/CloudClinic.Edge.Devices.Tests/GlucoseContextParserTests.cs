using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.Glucose;

namespace CloudClinic.Edge.Devices.Tests;

public class GlucoseContextParserTests
{
    // Every optional field: extended flags, carbohydrate 0.05 kg, meal, tester 1 / health 2, exercise 3600 s at 50 %,
    // medication 0.005 L (flag b5), HbA1c 6.5 %.
    private const string AllFields = "FF 05 00 00 01 05 E0 01 21 10 0E 32 01 05 D0 41 F0";

    [Fact]
    public void TryParse_FastingVector_GivesSequenceAndMeal()
    {
        Assert.True(GlucoseContextParser.TryParse(Vectors.Load("glucose-context-fasting.hex"), out var context, out var error), error);

        Assert.Equal(5, context.Sequence);
        Assert.Equal(MealContexts.Fasting, context.Meal);
    }

    [Theory]
    [InlineData(0, "unknown")]
    [InlineData(1, "preprandial")]
    [InlineData(2, "postprandial")]
    [InlineData(3, "fasting")]
    [InlineData(4, "casual")]
    [InlineData(5, "bedtime")]
    [InlineData(6, "unknown")]
    [InlineData(255, "unknown")]
    public void TryParse_MealCodes_MapToWireMeals(int code, string meal)
    {
        Assert.True(GlucoseContextParser.TryParse(Vectors.Hex($"02 05 00 {code:X2}"), out var context, out _));

        Assert.Equal(meal, context.Meal);
    }

    [Fact]
    public void TryParse_AllOptionalFields_AreReadInOrder()
    {
        Assert.True(GlucoseContextParser.TryParse(Vectors.Hex(AllFields), out var c, out var error), error);

        Assert.Equal(MealContexts.Preprandial, c.Meal);
        Assert.Equal(50, c.CarbohydrateGrams);
        Assert.Equal(((byte?)1, (byte?)2), (c.Tester, c.Health));
        Assert.Equal(((ushort?)3600, (byte?)50), (c.ExerciseDurationSeconds, c.ExerciseIntensityPercent));
        Assert.Equal(5, c.Medication);
        Assert.True(c.MedicationInMillilitres);
        Assert.Equal(6.5, c.HbA1cPercent);
    }

    [Fact]
    public void TryParse_MedicationInKilograms_IsMilligrams()
    {
        // Medication 2.5 × 10^-4 kg... expressed as 25 × 10^-5 kg = 250 mg; then meal bedtime.
        Assert.True(GlucoseContextParser.TryParse(Vectors.Hex("12 09 00 05 02 19 B0"), out var c, out var error), error);

        Assert.Equal(250, c.Medication);
        Assert.False(c.MedicationInMillilitres);
        Assert.Equal(MealContexts.Bedtime, c.Meal);
    }

    [Fact]
    public void TryParse_FieldsBeforeTheMealSkipped_StillFindTheMeal()
    {
        // Carbohydrate present (b0) before the meal (b1): a parser that forgets to skip it reads the wrong byte.
        Assert.True(GlucoseContextParser.TryParse(Vectors.Hex("03 05 00 02 03 E0 03"), out var c, out _));

        Assert.Equal(MealContexts.Fasting, c.Meal);
        Assert.Equal(30, c.CarbohydrateGrams);
    }

    [Fact]
    public void TryParse_EveryTruncation_IsRejected()
    {
        var full = Vectors.Hex(AllFields);
        for (var length = 0; length < full.Length; length++)
        {
            Assert.False(GlucoseContextParser.TryParse(full.AsSpan(0, length), out _, out var error));
            Assert.StartsWith("truncated", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryParse_LeftOverByte_IsRejected()
    {
        Assert.False(GlucoseContextParser.TryParse(Vectors.Hex("02 05 00 03 00"), out _, out var error));

        Assert.Equal("1 byte(s) left over after the fields flags 0x02 announce", error);
    }
}
