using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Forge.Manifest;

/// <summary>Reads manifest.yml into <see cref="ForgeManifest"/>; every error names the file, line and column.</summary>
public static class ManifestParser
{
    public static ForgeManifest Parse(string fileName, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(fileName, new Parser(new StringReader(text))));
        }
        catch (YamlException e)
        {
            throw new ForgeInputException($"{fileName}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {Inner(e)}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ForgeInputException($"{fileName}:1:1: a Forge manifest is a mapping with app, permissions and modules");
        }

        var reader = new Reader(fileName);
        var app = reader.Mapping(root, "app", required: true)!;
        var appId = reader.Scalar(app, "id", required: true)!;
        var runtime = reader.Mapping(app, "runtime", required: false);
        var runtimeName = runtime is null ? null : reader.Scalar(runtime, "name", required: false);
        var runtimeNode = runtime is null ? null : Child(runtime, "name");

        var functions = new List<ForgeFunction>();
        var modules = new List<ForgeModule>();
        if (reader.Mapping(root, "modules", required: false) is { } moduleMap)
        {
            foreach (var (typeNode, list) in moduleMap.Children)
            {
                var type = reader.Text(typeNode);
                if (list is not YamlSequenceNode sequence)
                {
                    throw reader.Error(list, $"modules.{type} must be a list of modules");
                }

                foreach (var item in sequence.Children)
                {
                    if (item is not YamlMappingNode module)
                    {
                        throw reader.Error(item, $"each entry of modules.{type} must be a mapping with a key");
                    }

                    var key = reader.Scalar(module, "key", required: true)!;
                    if (type == "function")
                    {
                        functions.Add(new ForgeFunction(key, reader.Scalar(module, "handler", required: true)!, Position(module)));
                        continue;
                    }

                    modules.Add(ReadModule(reader, type, key, module));
                }
            }
        }

        var permissions = reader.Mapping(root, "permissions", required: false);
        var scopes = new List<ManifestValue>();
        var backend = new List<ManifestValue>();
        var client = new List<ManifestValue>();
        var scripts = new List<ManifestValue>();
        var styles = new List<ManifestValue>();
        if (permissions is not null)
        {
            switch (Child(permissions, "scopes"))
            {
                case YamlSequenceNode list:
                    scopes.AddRange(list.Children.Select(s => new ManifestValue("scope", reader.Text(s), Position(s))));
                    break;
                case YamlMappingNode map: // map form: scope name -> options such as allowImpersonation
                    scopes.AddRange(map.Children.Select(p => new ManifestValue("scope", reader.Text(p.Key), Position(p.Key))));
                    break;
                case null:
                case YamlScalarNode { Value: null or "" }:
                    break;
                case var other:
                    throw reader.Error(other, "permissions.scopes must be a list of scope names");
            }

            if (reader.Mapping(permissions, "external", required: false) is { } external
                && reader.Mapping(external, "fetch", required: false) is { } fetch)
            {
                backend.AddRange(Addresses(reader, fetch, "backend"));
                client.AddRange(Addresses(reader, fetch, "client"));
            }

            if (reader.Mapping(permissions, "content", required: false) is { } content)
            {
                scripts.AddRange(Addresses(reader, content, "scripts"));
                styles.AddRange(Addresses(reader, content, "styles"));
            }
        }

        var remotes = new List<ForgeRemote>();
        if (Child(root, "remotes") is YamlSequenceNode remoteList)
        {
            foreach (var remote in remoteList.Children.OfType<YamlMappingNode>())
            {
                var urls = new List<ManifestValue>();
                switch (Child(remote, "baseUrl"))
                {
                    case YamlScalarNode url:
                        urls.Add(new ManifestValue("baseUrl", reader.Text(url), Position(url)));
                        break;
                    case YamlMappingNode regional:
                        urls.AddRange(regional.Children.Where(p => p.Value is YamlScalarNode)
                            .Select(p => new ManifestValue($"baseUrl.{reader.Text(p.Key)}", reader.Text(p.Value), Position(p.Value))));
                        break;
                }

                remotes.Add(new ForgeRemote(reader.Scalar(remote, "key", required: true)!, urls));
            }
        }

        var providerFields = new List<ManifestValue>();
        if (reader.Mapping(root, "providers", required: false) is { } providers && Child(providers, "auth") is YamlSequenceNode authList)
        {
            foreach (var provider in authList.Children.OfType<YamlMappingNode>())
            {
                var providerKey = reader.Scalar(provider, "key", required: false) ?? "?";
                if (Child(provider, "actions") is YamlMappingNode actions)
                {
                    CollectProviderFields(reader, actions, $"providers.auth[{providerKey}].actions", providerFields);
                }
            }
        }

        return new ForgeManifest(fileName, appId, reader.Scalar(app, "name", required: false) ?? reader.Scalar(app, "title", required: false),
            runtimeName, runtimeNode is null ? null : Position(runtimeNode), modules, functions, scopes, backend, client, scripts, styles, remotes,
            providerFields, Child(root, "resources") is YamlSequenceNode { Children.Count: > 0 });
    }

    private static ForgeModule ReadModule(Reader reader, string type, string key, YamlMappingNode module)
    {
        var refs = new List<string>();
        void Add(YamlNode? node)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                refs.Add(value);
            }
        }

        Add(Child(module, "function"));
        foreach (var nested in new[] { "config", "export", "edit", "value", "dynamicProperties", "view" })
        {
            if (Child(module, nested) is YamlMappingNode inner)
            {
                Add(Child(inner, "function"));
            }
        }

        string? resolver = null;
        if (Child(module, "resolver") is YamlMappingNode resolverNode && Child(resolverNode, "function") is YamlScalarNode fn)
        {
            resolver = reader.Text(fn);
        }

        var flags = module.Children
            .Where(p => p.Key is YamlScalarNode && p.Value is YamlScalarNode)
            .ToDictionary(p => reader.Text(p.Key), p => reader.Text(p.Value), StringComparer.Ordinal);
        return new ForgeModule(type, key, refs, resolver, flags.GetValueOrDefault("actionVerb"), flags, Position(module));
    }

    private static readonly string[] SecretWords = ["secret", "token", "password", "authorization", "api-key", "apikey", "api_key", "credential"];

    private static void CollectProviderFields(Reader reader, YamlMappingNode node, string path, List<ManifestValue> fields)
    {
        foreach (var (keyNode, value) in node.Children)
        {
            var name = reader.Text(keyNode);
            var here = $"{path}.{name}";
            switch (value)
            {
                case YamlMappingNode map:
                    CollectProviderFields(reader, map, here, fields);
                    break;
                case YamlScalarNode scalar when SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)):
                    fields.Add(new ManifestValue(here, scalar.Value ?? string.Empty, Position(scalar)));
                    break;
            }
        }
    }

    private static IEnumerable<ManifestValue> Addresses(Reader reader, YamlMappingNode parent, string name)
    {
        switch (Child(parent, name))
        {
            case null:
                yield break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    switch (item)
                    {
                        case YamlScalarNode scalar:
                            yield return new ManifestValue(name, reader.Text(scalar), Position(scalar));
                            break;
                        case YamlMappingNode map when Child(map, "address") is YamlScalarNode address:
                            yield return new ManifestValue(name, reader.Text(address), Position(address));
                            break;
                        case YamlMappingNode map when Child(map, "remote") is YamlScalarNode remote:
                            yield return new ManifestValue(name, "remote:" + reader.Text(remote), Position(remote));
                            break;
                        default:
                            throw reader.Error(item, $"{name}: each entry is an address or a mapping with address");
                    }
                }

                break;
            case var other:
                throw reader.Error(other, $"{name} must be a list");
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string name) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var v } && v == name).Value;

    private static ManifestPosition Position(YamlNode node) => new(checked((int)node.Start.Line), checked((int)node.Start.Column));

    private static string Inner(YamlException e) => e.InnerException is YamlException inner ? inner.Message : e.Message;

    private sealed class Reader(string fileName)
    {
        public ForgeInputException Error(YamlNode node, string message) =>
            new($"{fileName}:{node.Start.Line}:{node.Start.Column}: {message}");

        public string Text(YamlNode node) => node is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw Error(node, "expected a plain value here");

        public YamlMappingNode? Mapping(YamlMappingNode parent, string name, bool required)
        {
            var node = Child(parent, name);
            return node switch
            {
                YamlMappingNode map => map,
                null when !required => null,
                null => throw Error(parent, $"missing '{name}'"),
                _ => throw Error(node, $"'{name}' must be a mapping"),
            };
        }

        public string? Scalar(YamlMappingNode parent, string name, bool required)
        {
            var node = Child(parent, name);
            return node switch
            {
                YamlScalarNode { Value: { Length: > 0 } value } => value,
                null or YamlScalarNode when !required => null,
                null or YamlScalarNode => throw Error(node ?? parent, $"missing '{name}'"),
                _ => throw Error(node, $"'{name}' must be a plain value"),
            };
        }
    }
}
