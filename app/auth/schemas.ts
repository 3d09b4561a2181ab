import { z } from "zod";
import { requiredText, storable } from "~/utils/fields";

export const PASSWORD_MIN_LENGTH = 8;

const email = z
  .string({ required_error: "Email is required" })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .email("Enter a valid email address");

export const SignupSchema = z.object({
  name: requiredText("Name"),
  email,
  password: z
    .string({ required_error: "Password is required" })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, "Password is too long")
    // Hashed, never stored as text; held to the same rule so that it is
    // exactly the text typed, never bytes a parser had to guess at.
    .superRefine(storable("Password")),
});

export const LoginSchema = z.object({
  email,
  password: z.string({ required_error: "Password is required" }).max(200, "Password is too long").superRefine(storable("Password")),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ required_error: "Enter your current password" })
      .max(200, "Password is too long")
      .superRefine(storable("Password")),
    newPassword: SignupSchema.shape.password,
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

export type SignupInput = z.infer<typeof SignupSchema>;
