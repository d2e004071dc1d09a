package org.hearth.web.signin;

/** A new password typed twice in a form (first admin, reset link, an admin setting a member's): both must be the same. */
public class NewPassword {

    private String password;
    private String confirmation;

    /** Whether the password was typed the same way twice. */
    public boolean isConfirmed() {
        return password != null && password.equals(confirmation);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
