// One page of each Library list, as its table asks for it (usePagedList) and as the first view
// prefetches its first page (data/firstViewQueries.ts): one definition of the key and the request.
import type { ApiInput } from '../../../shared/api/contract.ts';
import { getApi } from '../api.ts';
import { queryKeys } from '../data/queryClient.ts';
import { PAGE_SIZE } from './usePagedList.ts';

/** The files table's filters (its search field and its two menus). */
export type FilesFilter = Pick<ApiInput<'listFiles'>, 'text' | 'status' | 'kind'>;
/** The spectra table's filters (the selected file, its search field, its label field). */
export type SpectraFilter = Pick<ApiInput<'listSpectra'>, 'fileId' | 'text' | 'label'>;

export function filesPageQuery(filter: FilesFilter, page: number) {
  return {
    queryKey: queryKeys.files(filter, page),
    queryFn: () => getApi().listFiles({ limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...filter }),
  };
}

export function spectraPageQuery(filter: SpectraFilter, page: number) {
  return {
    queryKey: queryKeys.spectra(filter, page),
    queryFn: () => getApi().listSpectra({ limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...filter }),
  };
}
