using Acornima.Ast;

namespace Rampart.Forge.Code;

/// <summary>Small constant folding over string expressions: literals, templates without holes, concatenation, const names.</summary>
public static class Constants
{
    public static string? StringValue(Node? node, ModuleSyntax? module, int depth = 0)
    {
        if (depth > 8)
        {
            return null;
        }

        return node switch
        {
            StringLiteral literal => literal.Value,
            TemplateLiteral { Expressions.Count: 0 } template => template.Quasis[0].Value.Cooked ?? template.Quasis[0].Value.Raw,
            BinaryExpression { Operator: Acornima.Operator.Addition } binary
                when StringValue(binary.Left, module, depth + 1) is { } left && StringValue(binary.Right, module, depth + 1) is { } right => left + right,
            Identifier id when module is not null && module.ConstStrings.TryGetValue(id.Name, out var value) => value,
            _ => null,
        };
    }

    /// <summary>
    /// The text of a string expression with every non-constant part shown as <c>{}</c>: a route or URL pattern.
    /// Null when the expression is not built from strings at all (an unknown variable).
    /// </summary>
    public static string? Pattern(Node? node, ModuleSyntax? module, int depth = 0)
    {
        if (depth > 8 || node is null)
        {
            return null;
        }

        if (StringValue(node, module) is { } constant)
        {
            return constant;
        }

        switch (node)
        {
            case TaggedTemplateExpression tagged:
                return Pattern(tagged.Quasi, module, depth + 1);
            case TemplateLiteral template:
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < template.Quasis.Count; i++)
                {
                    text.Append(template.Quasis[i].Value.Cooked ?? template.Quasis[i].Value.Raw);
                    if (i < template.Expressions.Count)
                    {
                        text.Append(StringValue(template.Expressions[i], module) ?? "{}");
                    }
                }

                return text.ToString();
            case BinaryExpression { Operator: Acornima.Operator.Addition } binary:
                return (Pattern(binary.Left, module, depth + 1) ?? "{}") + (Pattern(binary.Right, module, depth + 1) ?? "{}");
            default:
                return null;
        }
    }

    /// <summary>True when a string is built from something other than constants (a template hole or a concatenated variable).</summary>
    public static bool IsBuiltFromValues(Node? node, ModuleSyntax module, int depth = 0)
    {
        switch (node)
        {
            case null:
                return false;
            case TemplateLiteral template:
                return template.Expressions.Any(e => StringValue(e, module) is null);
            case BinaryExpression { Operator: Acornima.Operator.Addition } binary:
                return StringValue(binary, module) is null;
            case Identifier id when depth < 4 && module.AllBindings.TryGetValue(id.Name, out var init):
                return IsBuiltFromValues(init, module, depth + 1);
            case CallExpression { Callee: MemberExpression { Property: Identifier { Name: "concat" or "join" or "replace" } } }:
                return true;
            default:
                return false;
        }
    }
}
