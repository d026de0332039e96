namespace Rampart.Tracking;

/// <param name="Kind">One of <c>connect</c>, <c>forge</c>, <c>forge-egress</c>, <c>power-up</c>.</param>
/// <param name="DescriptorUrl">Connect and Power-Up apps: where the descriptor is served; a report is ingested only when its
/// <c>app.descriptorUrl</c> has this URL's origin.</param>
/// <param name="ForgeAppId">Forge apps: the manifest's <c>app.id</c> (<c>ari:cloud:ecosystem::app/&lt;uuid&gt;</c>); a report is
/// ingested only when its <c>app.key</c> is this id.</param>
public sealed record CreateAppRequest(string Key, string Name, string Kind, Guid PartnerId, string? DescriptorUrl = null, string? ForgeAppId = null);
