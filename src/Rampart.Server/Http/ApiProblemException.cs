namespace Rampart.Server.Http;

/// <summary>
/// A request the server itself refuses before any service sees it (wrong content type, body too large,
/// malformed JSON, missing fields). Turned into an RFC 7807 problem by <see cref="ApiExceptionHandler"/>.
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Errors = errors;
    }

    public ApiProblemException()
        : this(400, "Bad request", "The request is invalid.")
    {
    }

    public ApiProblemException(string message)
        : this(400, "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Title = "Bad request";
    }

    public int Status { get; }

    public string Title { get; }

    /// <summary>Field name → what is wrong with it, for validation problems.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }
}
