using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Diagnostics.PacketInspection;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace CloudClinic.Ingestion.Mqtt;

/// <summary>
/// Builds the ingest client's connection as MQTTnet's own factory does for TCP (with or without TLS), with its reads
/// buffered (<see cref="ReadBufferedMqttChannel"/>) and its writes able to be held (<see cref="HeldWritesMqttChannel"/>);
/// any other transport is left to MQTTnet's factory. MQTTnet asks for a new connection on every connect.
/// </summary>
internal sealed class BufferedAdapterFactory : IMqttClientAdapterFactory
{
    private readonly MqttClientAdapterFactory _default = new();
    private volatile HeldWritesMqttChannel? _latest;

    /// <summary>The channel of the latest connection made, or null when MQTTnet's own factory made it.</summary>
    public HeldWritesMqttChannel? Latest => _latest;

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions)
        {
            _latest = null;
            return _default.CreateClientAdapter(options, packetInspector, logger);
        }

        var channel = new HeldWritesMqttChannel(new ReadBufferedMqttChannel(new MqttTcpChannel(options)));
        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        _latest = channel;
        return new MqttChannelAdapter(channel, formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
