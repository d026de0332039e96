using System.Security.Cryptography.X509Certificates;

namespace Rampart.Scanning.Http;

/// <summary>The certificates a TLS server presented, captured without trusting them, or why none could be read.</summary>
/// <param name="Leaf">The server's certificate; null when <paramref name="Error"/> is set.</param>
/// <param name="Presented">The other certificates the server sent (intermediates), in the order received.</param>
public sealed record CapturedCertificate(X509Certificate2? Leaf, IReadOnlyList<X509Certificate2> Presented, string? Error);
