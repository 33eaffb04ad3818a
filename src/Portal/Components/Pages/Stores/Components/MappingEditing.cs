using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Portal.Components.Pages.Stores.Components;

/// <summary>The page side of a mapping dialog: it saves the form the dialog returns, and shows the dialog again with the service's refusal.</summary>
internal static class MappingEditing
{
    private static readonly DialogOptions Options = new() { BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true };

    /// <returns>Whether the form was saved; false when the person cancelled.</returns>
    public static async Task<bool> EditAsync<TDialog, TForm>(
        this IDialogService dialogs, string title, Func<string?, DialogParameters<TDialog>> parameters, Func<TForm, Task> save)
        where TDialog : IComponent
    {
        string? refusal = null;
        while (true)
        {
            var dialog = await dialogs.ShowAsync<TDialog>(title, parameters(refusal), Options);
            if (await dialog.Result is not { Canceled: false, Data: TForm form })
            {
                return false;
            }

            try
            {
                await save(form);
                return true;
            }
            catch (ValidationException ex)
            {
                refusal = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage));
            }
        }
    }

    /// <returns>Whether the person confirmed the removal.</returns>
    public static async Task<bool> ConfirmRemovalAsync(this IDialogService dialogs, string title, string question)
    {
        var dialog = await dialogs.ShowAsync<RemoveMappingDialog>(title, new DialogParameters<RemoveMappingDialog> { { d => d.Question, question } });
        return await dialog.Result is { Canceled: false };
    }
}
