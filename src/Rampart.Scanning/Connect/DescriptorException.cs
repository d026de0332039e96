namespace Rampart.Scanning.Connect;

/// <summary>The descriptor is not usable; the message names what is wrong and where (a JSON path).</summary>
public sealed class DescriptorException : Exception
{
    public DescriptorException(string message, string? jsonPath = null, Exception? inner = null)
        : base(jsonPath is null ? message : $"{jsonPath}: {message}", inner) => JsonPath = jsonPath;

    public DescriptorException()
    {
    }

    public DescriptorException(string message) : base(message)
    {
    }

    public DescriptorException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string? JsonPath { get; }
}
