namespace Rampart.Scanning.Connect;

/// <summary>What every URL found inside one module inherits from the module and the objects around the URL.</summary>
internal readonly record struct ModuleScope(string ModuleType, string? ModuleKey, EndpointRole Role, bool IsAdmin, bool Cacheable);
