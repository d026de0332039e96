namespace Rampart.Tracking;

/// <summary>An app's marketplace state (wire: listed, delisted).</summary>
public enum ListingState
{
    Listed,
    Delisted,
}
