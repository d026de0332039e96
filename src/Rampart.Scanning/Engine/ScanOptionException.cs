namespace Rampart.Scanning.Engine;

/// <summary>
/// An option the user gave the scan cannot be used, e.g. a <c>--trust-ca</c> file that is missing, unreadable or not
/// PEM: the user's input (exit code 2). The message names the option and the value.
/// </summary>
public sealed class ScanOptionException : Exception
{
    public ScanOptionException()
    {
    }

    public ScanOptionException(string message) : base(message)
    {
    }

    public ScanOptionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
