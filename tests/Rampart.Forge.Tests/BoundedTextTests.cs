using Rampart.Forge.Code;

namespace Rampart.Forge.Tests;

public sealed class BoundedTextTests
{
    [Fact]
    public async Task Text_under_the_limit_is_read_whole()
    {
        var text = string.Concat(Enumerable.Repeat("line of output\n", 5_000));

        var (read, overflowed) = await BoundedText.ReadAsync(new StringReader(text), text.Length, CancellationToken.None);

        read.ShouldBe(text);
        overflowed.ShouldBeFalse();
    }

    [Fact]
    public async Task Text_over_the_limit_is_cut_flagged_and_drained()
    {
        var text = new string('x', 100_000) + "tail";
        var reader = new StringReader(text);

        var (read, overflowed) = await BoundedText.ReadAsync(reader, 40_000, CancellationToken.None);

        read.Length.ShouldBe(40_000);
        overflowed.ShouldBeTrue();
        reader.Peek().ShouldBe(-1); // the rest was consumed, so a writer on a pipe is not left blocked
    }
}
