namespace CloudClinic.Registry.Model;

/// <summary>The chronic conditions the 国家基本公共卫生服务规范 manages (hypertension and type 2 diabetes).</summary>
public static class Conditions
{
    public const string Hypertension = "hypertension";
    public const string Diabetes = "diabetes";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Hypertension, Diabetes };
}
