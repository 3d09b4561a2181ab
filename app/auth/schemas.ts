import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;

const email = z
  .string({ required_error: "Email is required" })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .email("Enter a valid email address");

export const SignupSchema = z.object({
  name: z.string({ required_error: "Name is required" }).trim().min(1, "Name is required").max(200, "Name is too long"),
  email,
  password: z
    .string({ required_error: "Password is required" })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, "Password is too long"),
});

export const LoginSchema = z.object({
  email,
  password: z.string({ required_error: "Password is required" }).max(200, "Password is too long"),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "Enter your current password" }).max(200, "Password is too long"),
    newPassword: SignupSchema.shape.password,
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

export type SignupInput = z.infer<typeof SignupSchema>;
