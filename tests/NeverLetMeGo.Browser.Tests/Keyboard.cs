using Microsoft.Playwright;

namespace NeverLetMeGo.Browser.Tests;

/// <summary>Moves focus the way a keyboard user does: Tab, one stop at a time, until the wanted control has it.</summary>
internal static class Keyboard
{
    public static async Task TabToAsync(IPage page, string selector, int maxStops = 80)
    {
        for (var i = 0; i < maxStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{maxStops} presses of Tab never reached {selector}.");
    }

    public static Task<bool> HasFocusAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector);
}
