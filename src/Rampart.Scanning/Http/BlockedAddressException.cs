namespace Rampart.Scanning.Http;

/// <summary>A host resolved only to addresses the <see cref="AddressPolicy"/> refuses.</summary>
public sealed class BlockedAddressException : Exception
{
    public BlockedAddressException()
    {
    }

    public BlockedAddressException(string message) : base(message)
    {
    }

    public BlockedAddressException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
