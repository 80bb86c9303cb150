using Esf.Infrastructure.Errors;

namespace Esf.Infrastructure.Participants;

/// <summary>The portal's password rule (spec-rest §1.4): at least 8 characters with digits, lowercase and uppercase Latin letters.</summary>
public static class PasswordRule
{
    public const string Message = "Пароль должен быть не менее 8 символов и содержать одновременно цифры, строчные и заглавные буквы латинского алфавита";

    public static bool IsSatisfied(string? password) =>
        password is { Length: >= 8 } && password.Any(char.IsAsciiDigit) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiLetterUpper);

    public static void Check(string? password, string? confirmation)
    {
        if (!IsSatisfied(password))
        {
            throw EsfException.InvalidInput(Message);
        }

        if (password != confirmation)
        {
            throw EsfException.InvalidInput("Пароли не совпадают");
        }
    }
}
