namespace Rampart.Tracking;

public sealed record AppDto(string Key, string Name, string Kind, Guid PartnerId, string? DescriptorUrl, ListingDto Listing);
