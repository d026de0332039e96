namespace Rampart.Scanning.Engine;

/// <summary>The target could not be reached at all (DNS, connection, TLS, or the descriptor is not served): exit code 3.</summary>
public sealed class TargetUnreachableException : Exception
{
    public TargetUnreachableException()
    {
    }

    public TargetUnreachableException(string message) : base(message)
    {
    }

    public TargetUnreachableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
