using System.Text;

namespace Rampart.Forge.Code;

/// <summary>Reads a child process's output with a ceiling, so a misbehaving front end cannot exhaust memory.</summary>
internal static class BoundedText
{
    /// <summary>
    /// Reads to the end, keeping at most <paramref name="limit"/> characters. What comes after the limit is read and
    /// dropped rather than left in the pipe, so the writer is never blocked on a full pipe until the deadline.
    /// </summary>
    public static async Task<(string Text, bool Overflowed)> ReadAsync(TextReader reader, int limit, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        var overflowed = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            var kept = Math.Min(read, limit - text.Length);
            text.Append(buffer, 0, kept);
            overflowed |= kept < read;
        }

        return (text.ToString(), overflowed);
    }
}
