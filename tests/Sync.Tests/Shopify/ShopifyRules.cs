using GraphQL.Validation;
using GraphQLParser.AST;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// Shopify's rules beyond the GraphQL specification: a mutation that requires an idempotency key carries
/// <c>@idempotent</c>, and no field the schema marks deprecated is used.
/// </summary>
internal sealed class ShopifyRules(IReadOnlySet<string> mutationsNeedingIdempotency) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            var name = field.Name.StringValue;
            if (validation.TypeInfo.GetParentType() == validation.Schema.Mutation
                && mutationsNeedingIdempotency.Contains(name)
                && field.Directives?.Items.Any(directive => directive.Name.StringValue == "idempotent") != true)
            {
                validation.ReportError(new ValidationError(validation.Document.Source, "IDEMPOTENT_REQUIRED",
                    $"Mutation '{name}' requires @idempotent(key: ...) from API version 2026-04 on.", field));
            }

            if (validation.TypeInfo.GetFieldDef() is { DeprecationReason: { } reason })
            {
                validation.ReportError(new ValidationError(validation.Document.Source, "DEPRECATED_FIELD",
                    $"Field '{validation.TypeInfo.GetParentType()?.Name}.{name}' is deprecated: {reason}", field));
            }
        }));
}
