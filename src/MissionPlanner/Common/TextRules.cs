using FluentValidation;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Common;

/// <summary>Validation rules for text that ends up in email headers: addresses, and names or titles shown as display names and subjects.</summary>
public static class TextRules
{
    /// <summary>
    /// One email address, judged in the canonical form it will be stored in
    /// (<see cref="EmailAddress.Normalise"/>): invisible characters and surrounding spaces do not
    /// count against it; anything else that is not one address is refused with the reason.
    /// Empty values are left to <c>NotEmpty()</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidEmailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || EmailAddress.Problem(EmailAddress.Normalise(value)) is null)
            .WithMessage((_, value) => EmailAddress.Problem(EmailAddress.Normalise(value)) ?? "");

    /// <summary>
    /// No line breaks or other control characters: the value becomes an email's display name or
    /// subject, where a line break would start a header of its own (header injection).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(char.IsControl))
            .WithMessage("'{PropertyName}' must be on one line, without line breaks or tabs.");
}
