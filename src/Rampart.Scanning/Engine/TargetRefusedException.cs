namespace Rampart.Scanning.Engine;

/// <summary>The target is on an address the scan may not contact (private, loopback, metadata): exit code 2.</summary>
public sealed class TargetRefusedException : Exception
{
    public TargetRefusedException()
    {
    }

    public TargetRefusedException(string message) : base(message)
    {
    }

    public TargetRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
