namespace CloudClinic.Alerts.Publishing;

/// <summary>An alert event the broker did not accept (not connected, refused, timed out): the caller retries.</summary>
public sealed class AlertPublishException : Exception
{
    public AlertPublishException()
    {
    }

    public AlertPublishException(string message)
        : base(message)
    {
    }

    public AlertPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
