using FluentValidation;

namespace Portal.Components.Shared;

/// <summary>Lets a MudForm validate field by field with the same FluentValidation validator the server uses.</summary>
public static class MudFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
