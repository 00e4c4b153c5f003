namespace CloudClinic.Alerts.Rules;

/// <summary>What one reading says about one rule.</summary>
public enum RuleVerdict
{
    /// <summary>The reading is of another kind or context: it says nothing about this rule.</summary>
    NotApplicable,

    /// <summary>The condition holds: raise or update the open alert.</summary>
    Fire,

    /// <summary>Back in target: an open alert of this rule resolves automatically.</summary>
    Clear,

    /// <summary>Neither (e.g. 165/100 after an urgent alert: no longer urgent, not yet in target): leave it open.</summary>
    Hold,
}
