export { BackLink } from './BackLink';
export { Button, ButtonGroup, type ButtonProps, type ButtonVariant } from './Button';
export {
  Checkboxes,
  Radios,
  choiceId,
  type CheckboxesProps,
  type ChoiceDivider,
  type ChoiceItem,
  type RadiosProps,
} from './Choices';
export { ContactOrNone, EmailLink, PhoneAndEmail, PhoneLink, telHref } from './ContactLink';
export { cx } from './cx';
export { Details } from './Details';
export { FilterDisclosure } from './FilterDisclosure';
export { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary';
export { ErrorMessage, Field, Hint, Label, firstError, type FieldError, type FieldProps } from './Field';
export { InsetText, WarningText } from './InsetText';
export { NotificationBanner, type NotificationBannerProps } from './NotificationBanner';
export { Pagination, pageWindow, withPage, type PaginationProps } from './Pagination';
export { PanelConfirmation, type PanelConfirmationProps } from './PanelConfirmation';
export { SummaryList, type SummaryListAction, type SummaryListRow } from './SummaryList';
export { Table, type TableCell, type TableProps } from './Table';
export { TableDate } from './TableDate';
export { Tag, statusTags, type StatusTag, type TagColour } from './Tag';
export {
  Select,
  TextInput,
  Textarea,
  type InputWidth,
  type SelectOption,
  type SelectProps,
  type TextInputProps,
  type TextareaProps,
} from './TextInput';
export { VisuallyHidden } from './VisuallyHidden';
