namespace Rampart.Scanning.Checks;

/// <summary>
/// A check that inspects the responses other checks received; the engine runs it after the probing checks so it
/// sees every response of the scan.
/// </summary>
public interface IResponseCheck : ICheck;
