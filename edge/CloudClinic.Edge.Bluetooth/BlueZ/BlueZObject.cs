using Tmds.DBus.Protocol;

namespace CloudClinic.Edge.Bluetooth.BlueZ;

/// <summary>One object of org.bluez's ObjectManager tree: its path and interface → property → value.</summary>
internal sealed record BlueZObject(string Path, IReadOnlyDictionary<string, Dictionary<string, VariantValue>> Interfaces)
{
    public bool Has(string @interface) => Interfaces.ContainsKey(@interface);

    public string? GetString(string @interface, string property) =>
        Interfaces.TryGetValue(@interface, out var props) && props.TryGetValue(property, out var v) && v.Type is VariantValueType.String or VariantValueType.ObjectPath
            ? v.Type == VariantValueType.String ? v.GetString() : v.GetObjectPathAsString()
            : null;

    public bool GetBool(string @interface, string property) =>
        Interfaces.TryGetValue(@interface, out var props) && props.TryGetValue(property, out var v) && v.Type == VariantValueType.Bool && v.GetBool();

    public string[] GetStrings(string @interface, string property) =>
        Interfaces.TryGetValue(@interface, out var props) && props.TryGetValue(property, out var v) && v.Type == VariantValueType.Array && v.ItemType == VariantValueType.String
            ? v.GetArray<string>()
            : [];
}
