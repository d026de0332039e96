namespace Rampart.Tracking;

/// <param name="ForgeAppId">Forge apps: the manifest app id their reports must carry.</param>
public sealed record AppDto(string Key, string Name, string Kind, Guid PartnerId, string? DescriptorUrl, string? ForgeAppId, ListingDto Listing);
