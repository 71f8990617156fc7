// Presentational building blocks: they know nothing of rpc, queries or the vault.
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Field, type FieldProps } from './Field';
export { TextInput, type TextInputProps } from './TextInput';
export { TextArea, type TextAreaProps } from './TextArea';
export { Select, type SelectProps, type SelectOption } from './Select';
export { Checkbox, type CheckboxProps } from './Checkbox';
export { Dialog, type DialogProps } from './Dialog';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { Badge, type BadgeProps } from './Badge';
export { Spinner, Progress, type SpinnerProps, type ProgressProps } from './Spinner';
export { MenuButton, type MenuButtonProps, type MenuButtonItem } from './MenuButton';
