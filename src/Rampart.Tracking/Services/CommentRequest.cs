namespace Rampart.Tracking;

public sealed record CommentRequest(string Text);
